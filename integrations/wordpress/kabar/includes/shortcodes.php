<?php
/**
 * The shortcodes: [kabar_berita], [kabar_artikel], [kabar_polling], [kabar_bagikan] and
 * [kabar_komentar]. Their attributes are the elements' own (see README.md); shortcode_atts()
 * drops any other, and the renderers check each value.
 *
 * @package Kabar
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action( 'init', 'kabar_register_shortcodes' );

/**
 * Registers the five shortcodes.
 *
 * @return void
 */
function kabar_register_shortcodes() {
	add_shortcode( 'kabar_berita', 'kabar_shortcode_berita' );
	add_shortcode( 'kabar_artikel', 'kabar_shortcode_artikel' );
	add_shortcode( 'kabar_polling', 'kabar_shortcode_polling' );
	add_shortcode( 'kabar_bagikan', 'kabar_shortcode_bagikan' );
	add_shortcode( 'kabar_komentar', 'kabar_shortcode_komentar' );
}

/**
 * The attributes a shortcode accepts, each defaulting to null (not given).
 *
 * @param string[]     $names     Attribute names.
 * @param array|string $atts      What WordPress parsed ('' when the shortcode has none).
 * @param string       $shortcode The shortcode's name, for the `shortcode_atts_*` filter.
 * @return array
 */
function kabar_shortcode_atts( array $names, $atts, $shortcode ) {
	$given = shortcode_atts( array_fill_keys( $names, null ), is_array( $atts ) ? $atts : array(), $shortcode );
	return array_filter(
		$given,
		function ( $value ) {
			return null !== $value;
		}
	);
}

/**
 * [kabar_berita src="" limit="5" layout="grid" category="" heading="" loading="lazy" images="off"]
 *
 * @param array|string $atts Shortcode attributes.
 * @return string
 */
function kabar_shortcode_berita( $atts ) {
	$names = array( 'src', 'limit', 'layout', 'category', 'heading', 'loading', 'images' );
	return kabar_render_news_list( kabar_shortcode_atts( $names, $atts, 'kabar_berita' ) );
}

/**
 * [kabar_artikel id="12"], [kabar_artikel url="https://…" heading="…"], or [kabar_artikel] for
 * the current post.
 *
 * @param array|string $atts Shortcode attributes.
 * @return string
 */
function kabar_shortcode_artikel( $atts ) {
	$names = array( 'id', 'url', 'heading', 'image', 'date', 'excerpt', 'category', 'author', 'layout', 'heading-level', 'loading' );
	return kabar_render_article_card( kabar_shortcode_atts( $names, $atts, 'kabar_artikel' ) );
}

/**
 * [kabar_polling src="https://…/api/polls/current" loading="lazy"]
 *
 * @param array|string $atts Shortcode attributes.
 * @return string
 */
function kabar_shortcode_polling( $atts ) {
	$names = array( 'src', 'loading' );
	return kabar_render_poll( kabar_shortcode_atts( $names, $atts, 'kabar_polling' ) );
}

/**
 * [kabar_bagikan networks="whatsapp facebook copy" layout="icons"]
 *
 * @param array|string $atts Shortcode attributes.
 * @return string
 */
function kabar_shortcode_bagikan( $atts ) {
	$names = array( 'networks', 'label', 'layout', 'native', 'utm-source', 'utm-medium', 'utm-campaign' );
	return kabar_render_share_bar( kabar_shortcode_atts( $names, $atts, 'kabar_bagikan' ) );
}

/**
 * [kabar_komentar load="click" heading="Komentar"]
 *
 * @param array|string $atts Shortcode attributes.
 * @return string
 */
function kabar_shortcode_komentar( $atts ) {
	$names = array( 'load', 'heading' );
	return kabar_render_comments( kabar_shortcode_atts( $names, $atts, 'kabar_komentar' ) );
}
