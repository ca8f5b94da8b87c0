<?php
/**
 * Deletes the plugin the way Plugins → Delete does (its uninstall.php runs), then checks that
 * its option is gone.
 *
 * Usage: php uninstall.php WORDPRESS_FOLDER
 *
 * @package Kabar
 */

require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

wp_set_current_user( 1 );
$kabar_had = false !== get_option( 'kabar_settings' );
deactivate_plugins( 'kabar/kabar.php' );
$kabar_result = delete_plugins( array( 'kabar/kabar.php' ) );
wp_cache_flush();
$kabar_gone = false === get_option( 'kabar_settings' );
$kabar_ok   = $kabar_had && $kabar_gone && true === $kabar_result && ! file_exists( WP_PLUGIN_DIR . '/kabar' );
echo ( $kabar_ok ? 'ok' : 'not ok' ) . " - deleting the plugin removes its files and its option\n";
