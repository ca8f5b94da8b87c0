<?php
/**
 * Settings → Kabar: the script's source, the poll service, the comments provider, the language
 * and the theme colours, through the Settings API (its nonce, the `manage_options` capability
 * and one sanitize callback that checks every value).
 *
 * @package Kabar
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The settings page's slug, also the Settings API group.
 */
const KABAR_PAGE = 'kabar';

add_action( 'admin_menu', 'kabar_add_settings_page' );
add_action( 'admin_init', 'kabar_register_settings' );
add_filter( 'plugin_action_links_' . plugin_basename( KABAR_FILE ), 'kabar_settings_link' );

/**
 * Adds Settings → Kabar.
 *
 * @return void
 */
function kabar_add_settings_page() {
	add_options_page( __( 'Kabar', 'kabar' ), __( 'Kabar', 'kabar' ), 'manage_options', KABAR_PAGE, 'kabar_render_settings_page' );
}

/**
 * Links to the settings from the plugin's row in Plugins.
 *
 * @param string[] $links The row's links.
 * @return string[]
 */
function kabar_settings_link( $links ) {
	$url = admin_url( 'options-general.php?page=' . KABAR_PAGE );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'kabar' ) . '</a>' );
	return $links;
}

/**
 * The fields of the page, by section: key => [label, kind, choices or help].
 *
 * @return array<string, array>
 */
function kabar_settings_fields() {
	$colours = array();
	foreach ( kabar_colour_properties() as $key => $property ) {
		$colours[ 'colours.' . $key ] = array( $property, 'colour', __( 'A hex colour such as #0b6e4f; empty keeps Kabar’s default.', 'kabar' ) );
	}
	return array(
		'script'   => array(
			'title'  => __( 'Script', 'kabar' ),
			'fields' => array(
				'script_source' => array(
					__( 'Load kabar.min.js from', 'kabar' ),
					'select',
					array(
						'bundled' => __( 'This plugin (bundled copy)', 'kabar' ),
						'cdn'     => __( 'A CDN address', 'kabar' ),
					),
				),
				'cdn_url'       => array( __( 'CDN address of kabar.min.js', 'kabar' ), 'url', __( 'https only. The kabar-*.min.js files it loads on demand must sit beside it.', 'kabar' ) ),
				'cdn_integrity' => array( __( 'Integrity hash', 'kabar' ), 'text', __( 'Subresource Integrity of that file, such as sha384-…', 'kabar' ) ),
			),
		),
		'widgets'  => array(
			'title'  => __( 'Widgets', 'kabar' ),
			'fields' => array(
				'language' => array(
					__( 'Language', 'kabar' ),
					'select',
					array(
						'auto' => __( 'The site’s language', 'kabar' ),
						'id'   => 'Bahasa Indonesia',
						'en'   => 'English',
						'su'   => 'Basa Sunda',
						'jv'   => 'Basa Jawa',
					),
				),
				'poll_url' => array( __( 'Poll service address', 'kabar' ), 'url', __( 'Used by polls that do not name their own, such as https://example.go.id/api/polls/current', 'kabar' ) ),
			),
		),
		'comments' => array(
			'title'  => __( 'Comments', 'kabar' ),
			'fields' => array(
				'comments_provider'  => array(
					__( 'Provider', 'kabar' ),
					'select',
					array(
						''       => __( 'None', 'kabar' ),
						'disqus' => 'Disqus',
						'giscus' => 'giscus',
					),
				),
				'comments_load'      => array(
					__( 'Load comments', 'kabar' ),
					'select',
					array(
						'click'   => __( 'After the reader agrees (no cookies before)', 'kabar' ),
						'visible' => __( 'When the reader scrolls near them', 'kabar' ),
						'eager'   => __( 'With the page', 'kabar' ),
					),
				),
				'disqus_shortname'   => array( __( 'Disqus shortname', 'kabar' ), 'text', '' ),
				'giscus_repo'        => array( __( 'giscus repository (owner/name)', 'kabar' ), 'text', '' ),
				'giscus_repo_id'     => array( __( 'giscus repository id', 'kabar' ), 'text', '' ),
				'giscus_category'    => array( __( 'giscus category', 'kabar' ), 'text', '' ),
				'giscus_category_id' => array( __( 'giscus category id', 'kabar' ), 'text', '' ),
				'giscus_mapping'     => array(
					__( 'giscus mapping', 'kabar' ),
					'select',
					array(
						'pathname' => 'pathname',
						'url'      => 'url',
						'title'    => 'title',
						'og:title' => 'og:title',
					),
				),
			),
		),
		'colours'  => array(
			'title'  => __( 'Theme colours', 'kabar' ),
			'fields' => $colours,
		),
	);
}

/**
 * Registers the option, its sanitize callback, and the page's sections and fields.
 *
 * @return void
 */
function kabar_register_settings() {
	register_setting(
		KABAR_PAGE,
		KABAR_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'kabar_sanitize_settings',
			'default'           => kabar_default_settings(),
			'show_in_rest'      => false,
		)
	);
	foreach ( kabar_settings_fields() as $section => $group ) {
		add_settings_section( 'kabar_' . $section, $group['title'], '__return_false', KABAR_PAGE );
		foreach ( $group['fields'] as $key => $field ) {
			$id = 'kabar-' . str_replace( array( '.', '_' ), '-', $key );
			add_settings_field(
				$id,
				$field[0],
				'kabar_render_settings_field',
				KABAR_PAGE,
				'kabar_' . $section,
				array(
					'label_for' => $id,
					'key'       => $key,
					'field'     => $field,
				)
			);
		}
	}
}

/**
 * One field of the page, showing the saved value.
 *
 * @param array $args The field's id (`label_for`), key and definition.
 * @return void
 */
function kabar_render_settings_field( array $args ) {
	$settings = kabar_settings();
	$path     = explode( '.', $args['key'] );
	$value    = 2 === count( $path ) ? $settings[ $path[0] ][ $path[1] ] : $settings[ $path[0] ];
	$name     = KABAR_OPTION . '[' . implode( '][', $path ) . ']';
	list( , $kind, $extra ) = $args['field'];

	if ( 'select' === $kind ) {
		echo '<select id="' . esc_attr( $args['label_for'] ) . '" name="' . esc_attr( $name ) . '">';
		foreach ( $extra as $option => $label ) {
			echo '<option value="' . esc_attr( $option ) . '"' . selected( $value, $option, false ) . '>' . esc_html( $label ) . '</option>';
		}
		echo '</select>';
		return;
	}
	$type    = 'url' === $kind ? 'url' : 'text';
	$pattern = 'colour' === $kind ? ' pattern="#([0-9a-fA-F]{3}){1,2}" placeholder="#0b6e4f"' : '';
	printf(
		'<input type="%1$s" class="regular-text" id="%2$s" name="%3$s" value="%4$s"%5$s>',
		esc_attr( $type ),
		esc_attr( $args['label_for'] ),
		esc_attr( $name ),
		esc_attr( $value ),
		$pattern // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a constant string.
	);
	if ( '' !== $extra ) {
		echo '<p class="description">' . esc_html( $extra ) . '</p>';
	}
}

/**
 * The settings page: the Settings API form (options.php checks its nonce and the capability).
 *
 * @return void
 */
function kabar_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<form action="options.php" method="post">';
	settings_fields( KABAR_PAGE );
	do_settings_sections( KABAR_PAGE );
	submit_button();
	echo '</form></div>';
}

/**
 * Checks every submitted value. A value that fails keeps the saved one and says why.
 *
 * @param mixed $input The submitted `kabar_settings` array.
 * @return array The settings to save.
 */
function kabar_sanitize_settings( $input ) {
	$saved = kabar_settings();
	if ( ! is_array( $input ) ) {
		return $saved;
	}
	$clean   = $saved;
	$fields  = kabar_settings_fields();
	$choices = array();
	foreach ( $fields as $group ) {
		foreach ( $group['fields'] as $key => $field ) {
			if ( 'select' === $field[1] ) {
				$choices[ $key ] = array_map( 'strval', array_keys( $field[2] ) );
			}
		}
	}
	foreach ( $choices as $key => $allowed ) {
		if ( isset( $input[ $key ] ) && in_array( (string) $input[ $key ], $allowed, true ) ) {
			$clean[ $key ] = (string) $input[ $key ];
		}
	}

	$comments = kabar_spec( 'kabar-comments' );
	$rules    = array(
		'cdn_url'            => array( 'type' => 'url' ),
		'cdn_integrity'      => array(
			'type'    => 'pattern',
			'pattern' => '#^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}( sha(256|384|512)-[A-Za-z0-9+/]+={0,2})*$#',
		),
		'poll_url'           => array( 'type' => 'url' ),
		'disqus_shortname'   => $comments['shortname'],
		'giscus_repo'        => $comments['repo'],
		'giscus_repo_id'     => $comments['repo-id'],
		'giscus_category'    => $comments['category'],
		'giscus_category_id' => $comments['category-id'],
	);
	foreach ( $rules as $key => $rule ) {
		$given = isset( $input[ $key ] ) && is_scalar( $input[ $key ] ) ? trim( (string) $input[ $key ] ) : '';
		$value = kabar_clean_value( $rule, $given );
		if ( 'cdn_url' === $key && null !== $value && 'https' !== wp_parse_url( $value, PHP_URL_SCHEME ) ) {
			$value = null;
		}
		if ( '' === $given ) {
			$clean[ $key ] = '';
		} elseif ( null === $value ) {
			/* translators: %s: the setting's name. */
			add_settings_error( KABAR_OPTION, 'kabar-' . $key, sprintf( __( '%s: this value is not valid, the previous one is kept.', 'kabar' ), $key ) );
		} else {
			$clean[ $key ] = (string) $value;
		}
	}

	$colours = isset( $input['colours'] ) && is_array( $input['colours'] ) ? $input['colours'] : array();
	foreach ( kabar_colour_properties() as $key => $property ) {
		$given = isset( $colours[ $key ] ) && is_scalar( $colours[ $key ] ) ? trim( (string) $colours[ $key ] ) : '';
		$value = sanitize_hex_color( $given );
		if ( '' === $given ) {
			$clean['colours'][ $key ] = '';
		} elseif ( ! $value ) {
			/* translators: %s: a CSS custom property such as --kabar-color-accent. */
			add_settings_error( KABAR_OPTION, 'kabar-' . $key, sprintf( __( '%s: give a hex colour such as #0b6e4f; the previous one is kept.', 'kabar' ), $property ) );
		} else {
			$clean['colours'][ $key ] = $value;
		}
	}

	if ( 'cdn' === $clean['script_source'] && '' === $clean['cdn_url'] ) {
		$clean['script_source'] = 'bundled';
		add_settings_error( KABAR_OPTION, 'kabar-cdn', __( 'A CDN needs its address: the bundled copy stays in use.', 'kabar' ) );
	}
	return $clean;
}
