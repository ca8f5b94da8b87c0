<?php
/**
 * Installs the plugin from its zip with WordPress's own upgrader (what Plugins → Add New →
 * Upload Plugin runs), then activates it.
 *
 * Usage: php plugin.php WORDPRESS_FOLDER ZIP
 *
 * @package Kabar
 */

require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

wp_set_current_user( 1 );
$kabar_skin     = new Automatic_Upgrader_Skin();
$kabar_upgrader = new Plugin_Upgrader( $kabar_skin );
$kabar_result   = $kabar_upgrader->install( $argv[2] );
if ( true !== $kabar_result ) {
	$kabar_why = is_wp_error( $kabar_result ) ? $kabar_result->get_error_message() : implode( ' ', $kabar_skin->get_upgrade_messages() );
	echo 'not ok - the zip installs as a plugin: ' . $kabar_why . "\n";
	exit( 1 );
}
echo "ok - the zip installs as a plugin (kabar/kabar.php)\n";

$kabar_result = activate_plugin( 'kabar/kabar.php', '', false, false );
if ( is_wp_error( $kabar_result ) ) {
	echo 'not ok - the plugin activates: ' . $kabar_result->get_error_message() . "\n";
	exit( 1 );
}
echo 'ok - the plugin activates' . "\n";
