<?php
/**
 * Renders the kabar/artikel block on the server (and in the editor's preview).
 *
 * @package Kabar
 * @var array $attributes The block's attributes, checked against block.json by WordPress.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

// Every attribute is validated and escaped by the renderer; the wrapper's by WordPress.
echo kabar_block_html( kabar_render_article_card( kabar_block_input( $attributes ) ), __( 'No article to show: give an address, or use this block in a post.', 'kabar' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
