<?php
/**
 * The plugin's one option, `kabar_settings`: its defaults, how it is read, and the language.
 *
 * @package Kabar
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Name of the option holding every setting (an array).
 */
const KABAR_OPTION = 'kabar_settings';

/**
 * The theme colours a site can set, keyed by setting name, with the custom property each sets.
 *
 * @return array<string, string>
 */
function kabar_colour_properties() {
	return array(
		'accent'    => '--kabar-color-accent',
		'on_accent' => '--kabar-color-on-accent',
		'link'      => '--kabar-color-link',
		'text'      => '--kabar-color-text',
		'muted'     => '--kabar-color-muted',
		'border'    => '--kabar-color-border',
	);
}

/**
 * Every setting with its default: what a new install and a missing key read as.
 *
 * @return array<string, mixed>
 */
function kabar_default_settings() {
	return array(
		'script_source'      => 'bundled',
		'cdn_url'            => '',
		'cdn_integrity'      => '',
		'poll_url'           => '',
		'language'           => 'auto',
		'comments_provider'  => '',
		'comments_load'      => 'click',
		'disqus_shortname'   => '',
		'giscus_repo'        => '',
		'giscus_repo_id'     => '',
		'giscus_category'    => '',
		'giscus_category_id' => '',
		'giscus_mapping'     => 'pathname',
		'colours'            => array_fill_keys( array_keys( kabar_colour_properties() ), '' ),
	);
}

/**
 * The saved settings over the defaults; a key the saved option lacks reads as its default.
 *
 * @return array<string, mixed>
 */
function kabar_settings() {
	$defaults = kabar_default_settings();
	$saved    = get_option( KABAR_OPTION, array() );
	if ( ! is_array( $saved ) ) {
		return $defaults;
	}
	$settings            = array_merge( $defaults, array_intersect_key( $saved, $defaults ) );
	$saved_colours       = isset( $saved['colours'] ) && is_array( $saved['colours'] ) ? $saved['colours'] : array();
	$settings['colours'] = array_merge( $defaults['colours'], array_intersect_key( $saved_colours, $defaults['colours'] ) );
	return $settings;
}

/**
 * The language a WordPress locale maps to: `id_ID` → `id`, `su_ID` → `su`, `jv_ID` → `jv`, else `en`.
 *
 * @param string $locale A WordPress locale such as `id_ID`.
 * @return string
 */
function kabar_language_for_locale( $locale ) {
	$primary = strtolower( (string) strtok( (string) $locale, '_-' ) );
	if ( in_array( $primary, array( 'id', 'su', 'jv' ), true ) ) {
		return $primary;
	}
	return 'en';
}

/**
 * The `lang` the elements get: the setting, or the site's locale when it is `auto`.
 *
 * @return string
 */
function kabar_language() {
	$language = kabar_settings()['language'];
	if ( in_array( $language, kabar_languages(), true ) ) {
		return $language;
	}
	return kabar_language_for_locale( get_locale() );
}

/**
 * The languages a site can choose: the four Kabar ships texts for.
 *
 * @return string[]
 */
function kabar_languages() {
	return array( 'id', 'en', 'su', 'jv' );
}
