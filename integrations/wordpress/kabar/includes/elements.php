<?php
/**
 * The five elements: their attribute specs and renderers, shared by the shortcodes and blocks.
 *
 * Attribute names are those of `custom-elements.json`; allowed values are those of Kabar's
 * `src/types.ts`. Each renderer takes attribute values as given (strings from a shortcode,
 * typed values from a block), keeps those that pass their rules, fills in what the post
 * provides, enqueues the script and returns the markup.
 *
 * @package Kabar
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Attribute rules of each element, by tag.
 *
 * @param string $tag A `kabar-*` tag name.
 * @return array<string, array> Attribute name => rule (see kabar_clean_value()).
 */
function kabar_spec( $tag ) {
	$loading = array(
		'type'   => 'enum',
		'values' => array( 'eager', 'lazy' ),
	);
	$text    = array( 'type' => 'text' );
	$url     = array( 'type' => 'url' );
	$token   = array(
		'type'    => 'pattern',
		'pattern' => '/^[A-Za-z0-9_.\-]{1,100}$/',
	);
	$specs   = array(
		'kabar-news-list'    => array(
			'src'      => $url,
			'limit'    => array(
				'type' => 'int',
				'min'  => 1,
				'max'  => 100,
			),
			'layout'   => array(
				'type'   => 'enum',
				'values' => array( 'list', 'grid', 'compact' ),
			),
			'category' => $text,
			'heading'  => $text,
			'loading'  => $loading,
			'images'   => array(
				'type'   => 'enum',
				'values' => array( 'auto', 'off' ),
			),
		),
		'kabar-article-card' => array(
			'heading'       => $text,
			'href'          => $url,
			'image'         => $url,
			'date'          => array(
				'type'    => 'pattern',
				'pattern' => '/^[0-9A-Za-z:+\-., ]{4,40}$/',
			),
			'excerpt'       => array(
				'type' => 'text',
				'max'  => 1000,
			),
			'category'      => $text,
			'author'        => $text,
			'layout'        => array(
				'type'   => 'enum',
				'values' => array( 'vertical', 'horizontal', 'compact' ),
			),
			'heading-level' => array(
				'type' => 'int',
				'min'  => 2,
				'max'  => 4,
			),
			'loading'       => $loading,
		),
		'kabar-poll'         => array(
			'src'     => $url,
			'loading' => $loading,
		),
		'kabar-share-bar'    => array(
			'url'          => $url,
			'text'         => $text,
			'networks'     => array(
				'type'   => 'list',
				'values' => array( 'whatsapp', 'facebook', 'x', 'telegram', 'line', 'linkedin', 'email', 'copy' ),
			),
			'label'        => $text,
			'layout'       => array(
				'type'   => 'enum',
				'values' => array( 'row', 'column', 'icons' ),
			),
			'native'       => array(
				'type'   => 'enum',
				'values' => array( 'auto', 'always', 'never' ),
			),
			'utm-source'   => $token,
			'utm-medium'   => $token,
			'utm-campaign' => $token,
		),
		'kabar-comments'     => array(
			'provider'    => array(
				'type'   => 'enum',
				'values' => array( 'disqus', 'giscus' ),
			),
			'load'        => array(
				'type'   => 'enum',
				'values' => array( 'visible', 'click', 'eager' ),
			),
			'heading'     => $text,
			'shortname'   => array(
				'type'    => 'pattern',
				'pattern' => '/^[A-Za-z0-9\-]{1,64}$/',
			),
			'identifier'  => $text,
			'url'         => $url,
			'title'       => $text,
			'repo'        => array(
				'type'    => 'pattern',
				'pattern' => '#^[A-Za-z0-9_.\-]{1,100}/[A-Za-z0-9_.\-]{1,100}$#',
			),
			'repo-id'     => $token,
			'category'    => $text,
			'category-id' => $token,
			'mapping'     => array(
				'type'   => 'enum',
				'values' => array( 'pathname', 'url', 'title', 'og:title' ),
			),
		),
	);
	return $specs[ $tag ];
}

/**
 * Validates, enqueues and builds one element.
 *
 * @param string $tag   A `kabar-*` tag name.
 * @param array  $input Attribute values as given.
 * @return string
 */
function kabar_render( $tag, array $input ) {
	$spec = kabar_spec( $tag );
	kabar_enqueue_assets();
	return kabar_element_html( $tag, $spec, kabar_clean_attributes( $spec, $input ) );
}

/**
 * `<kabar-news-list>`: the site's own RSS feed unless `src` names another.
 *
 * @param array $input Attributes as given: src, limit, layout, category, heading, loading, images.
 * @return string
 */
function kabar_render_news_list( array $input ) {
	if ( null === kabar_clean_value( array( 'type' => 'url' ), isset( $input['src'] ) ? $input['src'] : null ) ) {
		$input['src'] = get_feed_link();
	}
	return kabar_render( 'kabar-news-list', $input );
}

/**
 * `<kabar-article-card>` for a post of this site (`id`, a `url` of one of its posts, or the
 * current post), or for any other article from `url` and the attributes given.
 *
 * @param array $input Attributes as given: id, url, layout, heading-level, loading; for an article elsewhere also
 *                     heading, image, date, excerpt, category, author.
 * @return string '' when there is no article to show.
 */
function kabar_render_article_card( array $input ) {
	$post_id = isset( $input['id'] ) ? absint( $input['id'] ) : 0;
	$url     = kabar_clean_value( array( 'type' => 'url' ), isset( $input['url'] ) ? $input['url'] : null );
	if ( ! $post_id && null !== $url ) {
		$post_id = url_to_postid( $url );
	}
	$post = $post_id || null === $url ? get_post( $post_id ? $post_id : null ) : null;

	if ( $post instanceof WP_Post ) {
		// A draft, private or trashed post is not shown to visitors, not even as a card.
		if ( 'publish' !== get_post_status( $post ) ) {
			return '';
		}
		$input = array_merge( $input, kabar_post_card_fields( $post ) );
	} elseif ( null !== $url ) {
		$input['href'] = $url;
		if ( empty( $input['heading'] ) ) {
			$input['heading'] = $url;
		}
	} else {
		return '';
	}
	unset( $input['id'], $input['url'] );
	return kabar_render( 'kabar-article-card', $input );
}

/**
 * A post's title, link, image, date, excerpt, first category and author, as card attributes.
 *
 * @param WP_Post $post A published post.
 * @return array<string, string>
 */
function kabar_post_card_fields( WP_Post $post ) {
	// Built from the raw fields: get_the_excerpt() would run `the_content` on the post that
	// holds this very card.
	$excerpt = '' !== $post->post_excerpt ? $post->post_excerpt : excerpt_remove_blocks( strip_shortcodes( $post->post_content ) );
	$fields  = array(
		'heading' => kabar_plain_text( get_the_title( $post ) ),
		'href'    => get_permalink( $post ),
		'date'    => get_the_date( 'c', $post ),
		'author'  => get_the_author_meta( 'display_name', (int) $post->post_author ),
	);
	// A password-protected post keeps its text to those who have the password.
	if ( '' === $post->post_password ) {
		$fields['excerpt'] = wp_trim_words( kabar_plain_text( $excerpt ), 40 );
	}
	$image   = get_the_post_thumbnail_url( $post, 'medium_large' );
	if ( $image ) {
		$fields['image'] = $image;
	}
	$categories = get_the_category( $post->ID );
	if ( $categories ) {
		$fields['category'] = $categories[0]->name;
	}
	return $fields;
}

/**
 * Text without tags or entities, ready to be escaped once as an attribute.
 *
 * @param string $html A title or excerpt as WordPress shows it.
 * @return string
 */
function kabar_plain_text( $html ) {
	return html_entity_decode( wp_strip_all_tags( (string) $html ), ENT_QUOTES, get_bloginfo( 'charset' ) );
}

/**
 * `<kabar-poll>`: `src`, else the poll service URL of the settings.
 *
 * @param array $input Attributes as given: src, loading.
 * @return string '' when no poll URL is known.
 */
function kabar_render_poll( array $input ) {
	if ( null === kabar_clean_value( array( 'type' => 'url' ), isset( $input['src'] ) ? $input['src'] : null ) ) {
		$input['src'] = kabar_settings()['poll_url'];
	}
	if ( empty( $input['src'] ) ) {
		return '';
	}
	return kabar_render( 'kabar-poll', $input );
}

/**
 * `<kabar-share-bar>` for the current post's permalink and title (outside a post, the bar
 * shares the page's own address).
 *
 * @param array $input Attributes as given: networks, label, layout, native, utm-source, utm-medium, utm-campaign.
 * @return string
 */
function kabar_render_share_bar( array $input ) {
	unset( $input['url'], $input['text'] );
	$post = get_post();
	if ( $post instanceof WP_Post ) {
		$input['url']  = get_permalink( $post );
		$input['text'] = kabar_plain_text( get_the_title( $post ) );
	}
	return kabar_render( 'kabar-share-bar', $input );
}

/**
 * `<kabar-comments>` with the provider of the settings, for the current post.
 *
 * @param array $input Attributes as given: load, heading.
 * @return string '' when no provider is set up.
 */
function kabar_render_comments( array $input ) {
	$settings = kabar_settings();
	$input    = array_intersect_key( $input, array_flip( array( 'load', 'heading' ) ) );
	$load     = kabar_spec( 'kabar-comments' )['load'];
	if ( null === kabar_clean_value( $load, isset( $input['load'] ) ? $input['load'] : null ) ) {
		$input['load'] = $settings['comments_load'];
	}
	$post = get_post();
	if ( 'disqus' === $settings['comments_provider'] && '' !== $settings['disqus_shortname'] ) {
		$input['provider']  = 'disqus';
		$input['shortname'] = $settings['disqus_shortname'];
		if ( $post instanceof WP_Post ) {
			// The identifier Disqus's own WordPress plugin uses, so existing threads carry over.
			$input['identifier'] = $post->ID . ' ' . $post->guid;
			$input['url']        = get_permalink( $post );
			$input['title']      = kabar_plain_text( get_the_title( $post ) );
		}
	} elseif ( 'giscus' === $settings['comments_provider'] && '' !== $settings['giscus_repo_id'] ) {
		$input['provider']    = 'giscus';
		$input['repo']        = $settings['giscus_repo'];
		$input['repo-id']     = $settings['giscus_repo_id'];
		$input['category']    = $settings['giscus_category'];
		$input['category-id'] = $settings['giscus_category_id'];
		$input['mapping']     = $settings['giscus_mapping'];
	} else {
		return '';
	}
	return kabar_render( 'kabar-comments', $input );
}
