<?php
/**
 * Attribute validation and element markup shared by the shortcodes and the blocks.
 *
 * Each element has a spec: its attribute names (as `custom-elements.json` spells them) with a
 * rule each. Values that break their rule are dropped, so the element falls back to its own
 * documented default; names outside the spec are never written.
 *
 * @package Kabar
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Longest text attribute kept by default, in characters: a heading or label, never an article.
 */
const KABAR_MAX_TEXT = 300;

/**
 * One attribute value checked against its rule.
 *
 * Rules: `url` (http or https only), `text` (tags removed, at most `max` or KABAR_MAX_TEXT
 * characters), `enum` (one of `values`), `int` (a whole number
 * from `min` to `max`), `list` (space-separated words, each one of `values`), `pattern` (a
 * regular expression the whole value matches) and `bool`.
 *
 * @param array $rule  The rule, with its `type` and options.
 * @param mixed $value The value from a shortcode (a string) or a block (typed).
 * @return string|int|bool|null The clean value, or null when it breaks the rule.
 */
function kabar_clean_value( array $rule, $value ) {
	if ( is_array( $value ) || is_object( $value ) || null === $value ) {
		return null;
	}
	if ( 'bool' === $rule['type'] ) {
		$flag = filter_var( $value, FILTER_VALIDATE_BOOLEAN, FILTER_NULL_ON_FAILURE );
		return true === $flag ? true : null;
	}
	$text = trim( (string) $value );
	if ( '' === $text ) {
		return null;
	}
	switch ( $rule['type'] ) {
		case 'url':
			return kabar_clean_url( $text );
		case 'enum':
			$text = strtolower( $text );
			return in_array( $text, $rule['values'], true ) ? $text : null;
		case 'int':
			if ( ! preg_match( '/^-?\d{1,9}$/', $text ) ) {
				return null;
			}
			$number = (int) $text;
			return $number >= $rule['min'] && $number <= $rule['max'] ? $number : null;
		case 'list':
			$words = preg_split( '/[\s,]+/', strtolower( $text ), -1, PREG_SPLIT_NO_EMPTY );
			$kept  = array_values( array_unique( array_intersect( $words, $rule['values'] ) ) );
			return $kept ? implode( ' ', $kept ) : null;
		case 'pattern':
			return preg_match( $rule['pattern'], $text ) ? $text : null;
		case 'text':
			$clean = sanitize_text_field( $text );
			$max   = isset( $rule['max'] ) ? $rule['max'] : KABAR_MAX_TEXT;
			$clean = function_exists( 'mb_substr' ) ? mb_substr( $clean, 0, $max ) : substr( $clean, 0, $max );
			return '' === $clean ? null : $clean;
	}
	return null;
}

/**
 * An absolute http(s) URL, or a path on this site made absolute; null for anything else
 * (`javascript:`, `data:`, unparsable).
 *
 * @param string $url The URL as given.
 * @return string|null
 */
function kabar_clean_url( $url ) {
	if ( '/' === substr( $url, 0, 1 ) && '//' !== substr( $url, 0, 2 ) ) {
		$url = home_url( $url );
	}
	$clean = esc_url_raw( $url, array( 'http', 'https' ) );
	$parts = wp_parse_url( $clean );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) || empty( $parts['scheme'] ) ) {
		return null;
	}
	return in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ? $clean : null;
}

/**
 * The values of `$input` that pass their rules in `$spec`, in the spec's order.
 *
 * @param array $spec  Attribute name => rule.
 * @param array $input Attribute name => value as given; names outside the spec are ignored.
 * @return array<string, string|int|bool>
 */
function kabar_clean_attributes( array $spec, array $input ) {
	$clean = array();
	foreach ( $spec as $name => $rule ) {
		if ( ! array_key_exists( $name, $input ) ) {
			continue;
		}
		$value = kabar_clean_value( $rule, $input[ $name ] );
		if ( null !== $value ) {
			$clean[ $name ] = $value;
		}
	}
	return $clean;
}

/**
 * An element's markup, every attribute escaped for its kind.
 *
 * @param string $tag        A `kabar-*` tag name.
 * @param array  $spec       Attribute name => rule, telling which values are URLs.
 * @param array  $attributes Clean attribute values (from kabar_clean_attributes()).
 * @return string
 */
function kabar_element_html( $tag, array $spec, array $attributes ) {
	$html = '<' . $tag;
	foreach ( $attributes as $name => $value ) {
		if ( ! isset( $spec[ $name ] ) || false === $value || null === $value ) {
			continue;
		}
		if ( true === $value ) {
			$html .= ' ' . $name;
		} elseif ( 'url' === $spec[ $name ]['type'] ) {
			$html .= ' ' . $name . '="' . esc_url( $value ) . '"';
		} else {
			$html .= ' ' . $name . '="' . esc_attr( (string) $value ) . '"';
		}
	}
	return $html . ' lang="' . esc_attr( kabar_language() ) . '"></' . $tag . '>';
}
