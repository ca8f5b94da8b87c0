<?php
/**
 * Removes the plugin's option when the plugin is deleted (on a multisite, from every site).
 *
 * @package Kabar
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

if ( is_multisite() ) {
	$kabar_sites = get_sites(
		array(
			'fields' => 'ids',
			'number' => 0, // Every site, not the first 100.
		)
	);
	foreach ( $kabar_sites as $kabar_site_id ) {
		switch_to_blog( $kabar_site_id );
		delete_option( 'kabar_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'kabar_settings' );
}
