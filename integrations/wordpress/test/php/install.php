<?php
/**
 * Installs WordPress into the test database, as its installer's second step does.
 *
 * Usage: php install.php WORDPRESS_FOLDER
 *
 * @package Kabar
 */

define( 'WP_INSTALLING', true );
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$kabar_result = wp_install( 'Kabupaten Sukamulya', 'admin', 'admin@sukamulya.test', true, '', 'kabar-admin-password' );
if ( empty( $kabar_result['user_id'] ) ) {
	echo "not ok - WordPress installs\n";
	exit( 1 );
}
echo 'ok - WordPress ' . get_bloginfo( 'version' ) . " installs\n";
