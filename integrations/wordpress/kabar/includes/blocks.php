<?php
/**
 * The blocks: one per element, rendered on the server from `blocks/<name>/render.php`. Their
 * sidebar options and live preview come from `assets/editor.js`, which needs no build step.
 *
 * @package Kabar
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action( 'init', 'kabar_register_blocks' );

/**
 * Registers the editor script and the five blocks.
 *
 * @return void
 */
function kabar_register_blocks() {
	wp_register_script(
		'kabar-block-editor',
		plugins_url( 'assets/editor.js', KABAR_FILE ),
		array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n', 'wp-server-side-render' ),
		KABAR_VERSION,
		true
	);
	wp_set_script_translations( 'kabar-block-editor', 'kabar' );

	foreach ( array( 'berita', 'artikel', 'polling', 'bagikan', 'komentar' ) as $name ) {
		$folder = KABAR_DIR . 'blocks/' . $name;
		$args   = array();
		// block.json's `render` file is read from WordPress 6.1 on; 6.0 needs the callback.
		if ( version_compare( get_bloginfo( 'version' ), '6.1', '<' ) ) {
			$args['render_callback'] = function ( $attributes, $content, $block ) use ( $folder ) {
				ob_start();
				require $folder . '/render.php';
				return ob_get_clean();
			};
		}
		register_block_type( $folder, $args );
	}
}

/**
 * A block's attributes under the element's names: `headingLevel` → `heading-level`.
 *
 * @param array $attributes The block's attributes.
 * @return array
 */
function kabar_block_input( array $attributes ) {
	$input = array();
	foreach ( $attributes as $name => $value ) {
		$input[ strtolower( preg_replace( '/([a-z])([A-Z])/', '$1-$2', $name ) ) ] = $value;
	}
	return $input;
}

/**
 * A block's markup inside its wrapper; when there is nothing to show, a note in the editor's
 * preview and nothing on the site.
 *
 * @param string $html Element markup from a renderer ('' for none).
 * @param string $note What the editor's preview says when there is none.
 * @return string
 */
function kabar_block_html( $html, $note ) {
	if ( '' === $html ) {
		$in_editor = defined( 'REST_REQUEST' ) && REST_REQUEST;
		return $in_editor && '' !== $note ? '<p>' . esc_html( $note ) . '</p>' : '';
	}
	return '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>';
}
