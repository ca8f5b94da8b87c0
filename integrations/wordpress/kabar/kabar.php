<?php
/**
 * Plugin Name:       Kabar
 * Plugin URI:        https://www.npmjs.com/package/kabar
 * Description:       News list, article card, poll, share bar and comments widgets for regional government sites, as shortcodes and blocks.
 * Version:           0.1.0
 * Requires at least: 6.0
 * Requires PHP:      7.4
 * Author:            Kabar contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       kabar
 *
 * @package Kabar
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'KABAR_VERSION', '0.1.0' );
define( 'KABAR_FILE', __FILE__ );
define( 'KABAR_DIR', plugin_dir_path( __FILE__ ) );

require_once KABAR_DIR . 'includes/options.php';
require_once KABAR_DIR . 'includes/attributes.php';
require_once KABAR_DIR . 'includes/assets.php';
require_once KABAR_DIR . 'includes/elements.php';
require_once KABAR_DIR . 'includes/shortcodes.php';
require_once KABAR_DIR . 'includes/blocks.php';
require_once KABAR_DIR . 'includes/settings.php';
