<?php
/**
 * The script and the theme colours, added only to pages that show a Kabar element.
 *
 * The renderers call kabar_enqueue_assets() when they output an element, so a page without a
 * shortcode or block gets nothing. `kabar.min.js` is an ES module: WordPress 6.5 and later load
 * it with wp_enqueue_script_module(); older versions enqueue a classic script whose tag the
 * `script_loader_tag` filter rewrites as a module.
 *
 * @package Kabar
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Handle of the script (and of the style holding the theme colours).
 */
const KABAR_HANDLE = 'kabar';

add_filter( 'script_loader_tag', 'kabar_script_loader_tag', 10, 3 );
add_filter( 'wp_script_attributes', 'kabar_script_module_attributes' );
add_action( 'enqueue_block_editor_assets', 'kabar_enqueue_assets' );

/**
 * Where `kabar.min.js` comes from: the CDN URL when the settings choose one, else the copy
 * inside the plugin (the small `kabar-*.min.js` files it loads on demand sit beside either).
 *
 * @return string
 */
function kabar_script_url() {
	$settings = kabar_settings();
	if ( 'cdn' === $settings['script_source'] && '' !== $settings['cdn_url'] ) {
		return $settings['cdn_url'];
	}
	return plugins_url( 'assets/kabar/kabar.min.js', KABAR_FILE );
}

/**
 * Whether the script comes from the CDN, which needs its integrity hash and `crossorigin`.
 *
 * @return bool
 */
function kabar_uses_cdn() {
	return kabar_script_url() !== plugins_url( 'assets/kabar/kabar.min.js', KABAR_FILE );
}

/**
 * Adds the script and the theme colours to the page being built; later calls do nothing.
 *
 * @return void
 */
function kabar_enqueue_assets() {
	static $done = false;
	if ( $done ) {
		return;
	}
	$done = true;

	// The bundled copy carries the plugin's version (`kabar.min.js?ver=0.1.0`), so an update
	// reaches browsers that cached the old file; Kabar's chunks follow whatever query its URL
	// has. A CDN URL names its version already, and its integrity is for that exact URL: no
	// `?ver=` there (null, not false, which would add WordPress's version).
	$version = kabar_uses_cdn() ? null : KABAR_VERSION;
	if ( function_exists( 'wp_enqueue_script_module' ) && ! is_admin() ) {
		wp_enqueue_script_module( KABAR_HANDLE, kabar_script_url(), array(), $version );
	} else {
		wp_enqueue_script( KABAR_HANDLE, kabar_script_url(), array(), $version, true );
	}

	$css = kabar_theme_css();
	if ( '' !== $css ) {
		wp_register_style( KABAR_HANDLE, false, array(), KABAR_VERSION );
		wp_add_inline_style( KABAR_HANDLE, $css );
		wp_enqueue_style( KABAR_HANDLE );
	}
}

/**
 * Rewrites the classic script tag of WordPress before 6.5 as a module, with the integrity hash
 * when the script comes from a CDN.
 *
 * @param string $tag    The tag WordPress built.
 * @param string $handle The script's handle.
 * @param string $src    The script's URL.
 * @return string
 */
function kabar_script_loader_tag( $tag, $handle, $src ) {
	if ( KABAR_HANDLE !== $handle ) {
		return $tag;
	}
	$attributes = '';
	foreach ( kabar_cdn_attributes() as $name => $value ) {
		$attributes .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	return '<script type="module" src="' . esc_url( $src ) . '" id="kabar-js"' . $attributes . '></script>' . "\n";
}

/**
 * Adds the integrity hash to the module tag of WordPress 6.5 and later.
 *
 * @param array $attributes The tag's attributes.
 * @return array
 */
function kabar_script_module_attributes( $attributes ) {
	if ( isset( $attributes['id'] ) && KABAR_HANDLE . '-js-module' === $attributes['id'] ) {
		$attributes = array_merge( $attributes, kabar_cdn_attributes() );
	}
	return $attributes;
}

/**
 * `integrity` and `crossorigin` for a CDN script with a hash; nothing for the bundled copy.
 *
 * @return array<string, string>
 */
function kabar_cdn_attributes() {
	$integrity = kabar_settings()['cdn_integrity'];
	if ( ! kabar_uses_cdn() || '' === $integrity ) {
		return array();
	}
	return array(
		'integrity'   => $integrity,
		'crossorigin' => 'anonymous',
	);
}

/**
 * The theme colours as custom properties on the Kabar elements, or '' when none is set.
 *
 * @return string
 */
function kabar_theme_css() {
	$declarations = '';
	$colours      = kabar_settings()['colours'];
	foreach ( kabar_colour_properties() as $key => $property ) {
		$colour = sanitize_hex_color( isset( $colours[ $key ] ) ? $colours[ $key ] : '' );
		if ( $colour ) {
			$declarations .= $property . ':' . $colour . ';';
		}
	}
	if ( '' === $declarations ) {
		return '';
	}
	return 'kabar-feed,kabar-news-list,kabar-article-card,kabar-poll,kabar-share-bar,kabar-comments{' . $declarations . '}';
}
