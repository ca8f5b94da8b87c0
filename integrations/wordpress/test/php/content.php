<?php
/**
 * Checks the plugin's PHP side inside the running WordPress (language, settings sanitizing, the
 * CDN tag), saves the settings the pages use, and creates the posts the HTTP and browser checks
 * read. Writes what it made as JSON to STATE_FILE.
 *
 * Usage: php content.php WORDPRESS_FOLDER STATE_FILE
 *
 * @package Kabar
 */

require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

/**
 * Prints one result line.
 *
 * @param bool   $passed Whether the check passed.
 * @param string $name   What was checked.
 * @param mixed  $got    What was found, shown when the check failed.
 * @return void
 */
function kabar_test_check( $passed, $name, $got = null ) {
	echo ( $passed ? 'ok - ' : 'not ok - ' ) . $name;
	if ( ! $passed && null !== $got ) {
		echo ' (got ' . wp_json_encode( $got ) . ')';
	}
	echo "\n";
}

wp_set_current_user( 1 );

// The language follows the site's locale.
$kabar_locales = array(
	'id_ID' => 'id',
	'su_ID' => 'su',
	'jv_ID' => 'jv',
	'en_US' => 'en',
	'fr_FR' => 'en',
);
foreach ( $kabar_locales as $kabar_locale => $kabar_expected ) {
	$kabar_got = kabar_language_for_locale( $kabar_locale );
	kabar_test_check( $kabar_expected === $kabar_got, "locale $kabar_locale gives lang $kabar_expected", $kabar_got );
}

// The settings' sanitize callback keeps valid values and refuses the rest.
$kabar_site  = home_url();
$kabar_clean = kabar_sanitize_settings(
	array(
		'script_source'     => 'cdn',
		'cdn_url'           => 'http://cdn.example/kabar.min.js',
		'cdn_integrity'     => 'md5-abc',
		'poll_url'          => 'javascript:alert(1)',
		'language'          => 'klingon',
		'comments_provider' => 'disqus',
		'comments_load'     => 'click',
		'disqus_shortname'  => 'kabupaten-sukamulya',
		'colours'           => array(
			'accent' => '#8a1538',
			'link'   => 'red;}body{display:none}',
			'text'   => '#1D3557',
		),
		'unknown'           => 'dropped',
	)
);
kabar_test_check( 'bundled' === $kabar_clean['script_source'], 'settings: a CDN without a valid https address keeps the bundled copy', $kabar_clean['script_source'] );
kabar_test_check( '' === $kabar_clean['cdn_url'] && '' === $kabar_clean['cdn_integrity'], 'settings: an http CDN address and a malformed hash are refused', $kabar_clean );
kabar_test_check( '' === $kabar_clean['poll_url'], 'settings: a javascript: poll address is refused', $kabar_clean['poll_url'] );
kabar_test_check( 'auto' === $kabar_clean['language'], 'settings: an unknown language is refused', $kabar_clean['language'] );
kabar_test_check( 'kabupaten-sukamulya' === $kabar_clean['disqus_shortname'] && 'disqus' === $kabar_clean['comments_provider'], 'settings: the Disqus provider and shortname are kept' );
kabar_test_check( '#8a1538' === $kabar_clean['colours']['accent'] && '' === $kabar_clean['colours']['link'], 'settings: hex colours are kept, CSS injection is refused', $kabar_clean['colours'] );
kabar_test_check( ! isset( $kabar_clean['unknown'] ), 'settings: unknown keys are dropped' );
kabar_test_check( count( get_settings_errors( KABAR_OPTION ) ) >= 5, 'settings: each refused value says why', get_settings_errors( KABAR_OPTION ) );

// A CDN with its hash: the module tag carries integrity and crossorigin.
$kabar_cdn = kabar_sanitize_settings(
	array(
		'script_source' => 'cdn',
		'cdn_url'       => 'https://cdn.example/kabar/0.1.0/kabar.min.js',
		'cdn_integrity' => 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC',
	)
);
update_option( KABAR_OPTION, $kabar_cdn );
$kabar_tag = kabar_script_loader_tag( '<script src="x"></script>', 'kabar', kabar_script_url() );
kabar_test_check(
	'<script type="module" src="https://cdn.example/kabar/0.1.0/kabar.min.js" id="kabar-js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script>' === trim( $kabar_tag ),
	'a CDN script is a module with its integrity hash',
	$kabar_tag
);

// The settings the pages use: Indonesian site, a poll file, Disqus after consent, two colours.
$kabar_poll_url = content_url( 'uploads/kabar-poll.json' );
wp_mkdir_p( WP_CONTENT_DIR . '/uploads' );
file_put_contents( // phpcs:ignore WordPress.WP.AlternativeFunctions -- a test fixture.
	WP_CONTENT_DIR . '/uploads/kabar-poll.json',
	wp_json_encode(
		array(
			'poll' => array(
				'id'       => 'layanan-2026',
				'question' => 'Layanan mana yang paling perlu diperbaiki?',
				'status'   => 'closed',
				'options'  => array(
					array(
						'id'    => 'jalan',
						'label' => 'Jalan desa',
						'votes' => 12,
					),
					array(
						'id'    => 'air',
						'label' => 'Air bersih',
						'votes' => 30,
					),
				),
				'closes'   => '2026-10-31T10:00:00Z',
			),
		)
	)
);
// WordPress accepts a site language only when its translation file is there: an empty one will do.
wp_mkdir_p( WP_LANG_DIR );
$kabar_mo = new MO();
$kabar_mo->export_to_file( WP_LANG_DIR . '/id_ID.mo' );
update_option( 'WPLANG', 'id_ID' );
kabar_test_check( 'id_ID' === get_locale() || 'id_ID' === get_option( 'WPLANG' ), 'the site language is Indonesian (id_ID)', get_option( 'WPLANG' ) );
// Avatars come from gravatar.com: off, so no page of the test asks anything of another host.
update_option( 'show_avatars', 0 );
update_option( KABAR_OPTION, array_merge( $kabar_clean, array( 'poll_url' => $kabar_poll_url ) ) );

// Posts: WordPress's "Hello world!" out of the way, two plain ones for the feed, one with every shortcode, one with every block.
wp_delete_post( 1, true );
$kabar_category = wp_insert_term( 'Pengumuman', 'category' );
$kabar_plain    = wp_insert_post(
	array(
		'post_title'    => 'Pasar rakyat Sukamulya dibuka kembali',
		'post_content'  => '<p>Pasar rakyat di pusat kota dibuka kembali setelah renovasi.</p>',
		'post_status'   => 'publish',
		'post_date'     => '2026-11-20 08:00:00',
		'post_category' => array( $kabar_category['term_id'] ),
	)
);
$kabar_second   = wp_insert_post(
	array(
		'post_title'   => 'Jadwal vaksinasi di puskesmas kecamatan',
		'post_content' => '<p>Vaksinasi dibuka setiap Senin dan Kamis.</p>',
		'post_excerpt' => 'Vaksinasi dibuka setiap Senin dan Kamis.',
		'post_status'  => 'publish',
		'post_date'    => '2026-11-21 08:00:00',
	)
);

$kabar_draft      = wp_insert_post(
	array(
		'post_title'   => 'Draf rahasia',
		'post_content' => '<p>Belum terbit.</p>',
		'post_status'  => 'draft',
	)
);

$kabar_protected  = wp_insert_post(
	array(
		'post_title'    => 'Pengumuman terbatas',
		'post_content'  => '<p>Isi untuk pegawai saja.</p>',
		'post_status'   => 'publish',
		'post_password' => 'kata-sandi',
		'post_date'     => '2026-11-19 08:00:00',
	)
);

$kabar_hostile    = 'Judul "><script>window.kabarXss=1</script><img src=x onerror="window.kabarXss=2"> & \'kutip\'';
$kabar_shortcodes = implode(
	"\n\n",
	array(
		'<p>Semua widget Kabar dari kode pendek.</p>',
		'[kabar_berita limit="5" layout="grid" heading="Berita Terkini" loading="eager" images="off"]',
		'[kabar_berita heading=\'Tajuk "kutip" & tebal\' limit="abc" layout="carousel" src="javascript:alert(1)" onclick="alert(1)" foo="bar" category="Pengumuman"]',
		'[kabar_artikel]',
		'[kabar_artikel id="' . $kabar_plain . '" layout="horizontal" heading-level="2" loading="sometimes"]',
		'[kabar_artikel id="' . $kabar_draft . '"]',
		'[kabar_artikel id="' . $kabar_protected . '"]',
		'[kabar_polling]',
		'[kabar_bagikan networks="whatsapp facebook copy myspace" layout="icons" native="never" utm-source="situs-kabupaten"]',
		'[kabar_komentar heading="Tanggapan Warga" load="later"]',
	)
);
$kabar_shortcode_post = wp_insert_post(
	array(
		'post_title'   => 'Widget Kabar dari kode pendek',
		'post_content' => wp_slash( $kabar_shortcodes ),
		'post_status'  => 'publish',
		'post_date'    => '2026-11-22 08:00:00',
	)
);

/**
 * One block's serialized markup.
 *
 * @param string $name       The block's name.
 * @param array  $attributes Its attributes.
 * @return string
 */
function kabar_test_block( $name, array $attributes ) {
	return serialize_block(
		array(
			'blockName'    => $name,
			'attrs'        => $attributes,
			'innerBlocks'  => array(),
			'innerHTML'    => '',
			'innerContent' => array(),
		)
	);
}

$kabar_blocks    = implode(
	"\n\n",
	array(
		"<!-- wp:paragraph -->\n<p>Semua widget Kabar dari blok.</p>\n<!-- /wp:paragraph -->",
		kabar_test_block(
			'kabar/berita',
			array(
				'heading' => $kabar_hostile,
				'limit'   => 3,
				'layout'  => 'compact',
				'src'     => 'javascript:alert(1)',
				'onclick' => 'alert(1)',
			)
		),
		kabar_test_block( 'kabar/berita', array( 'category' => 'Pengumuman', 'limit' => 500, 'layout' => 'carousel' ) ),
		kabar_test_block( 'kabar/artikel', array( 'url' => get_permalink( $kabar_second ), 'headingLevel' => 4 ) ),
		kabar_test_block( 'kabar/artikel', array( 'url' => 'https://berita.example/artikel/1', 'heading' => 'Artikel di situs lain', 'layout' => 'compact' ) ),
		kabar_test_block( 'kabar/polling', array( 'src' => $kabar_poll_url, 'loading' => 'lazy' ) ),
		kabar_test_block( 'kabar/bagikan', array( 'networks' => 'whatsapp telegram', 'utmSource' => 'situs', 'utmCampaign' => 'bad value!' ) ),
		kabar_test_block( 'kabar/komentar', array( 'load' => 'sometimes', 'heading' => 'Komentar' ) ),
	)
);
$kabar_block_post = wp_insert_post(
	array(
		'post_title'   => 'Widget Kabar dari blok',
		'post_content' => wp_slash( $kabar_blocks ),
		'post_status'  => 'publish',
		'post_date'    => '2026-11-23 08:00:00',
	)
);

// A subscriber, for the settings page's capability check.
$kabar_subscriber = wp_insert_user(
	array(
		'user_login' => 'warga',
		'user_pass'  => 'kabar-warga-password',
		'user_email' => 'warga@sukamulya.test',
		'role'       => 'subscriber',
	)
);

$kabar_ids = array( $kabar_plain, $kabar_second, $kabar_draft, $kabar_protected, $kabar_shortcode_post, $kabar_block_post, $kabar_subscriber );
kabar_test_check( ! in_array( 0, array_map( 'intval', $kabar_ids ), true ) && ! is_wp_error( $kabar_subscriber ), 'the test posts and users are created' );

file_put_contents( // phpcs:ignore WordPress.WP.AlternativeFunctions -- the state for the next step.
	$argv[2],
	wp_json_encode(
		array(
			'site'       => $kabar_site,
			'feed'       => get_feed_link(),
			'pollUrl'    => $kabar_poll_url,
			'hostile'    => sanitize_text_field( $kabar_hostile ),
			'plain'      => array(
				'url'   => get_permalink( $kabar_plain ),
				'title' => get_the_title( $kabar_plain ),
			),
			'protected'  => array(
				'url'   => get_permalink( $kabar_protected ),
				'title' => get_the_title( $kabar_protected ),
			),
			'second'     => array(
				'url'   => get_permalink( $kabar_second ),
				'title' => get_the_title( $kabar_second ),
			),
			'shortcodes' => array(
				'url'   => get_permalink( $kabar_shortcode_post ),
				'title' => get_the_title( $kabar_shortcode_post ),
				'id'    => $kabar_shortcode_post,
			),
			'blocks'     => array(
				'url'   => get_permalink( $kabar_block_post ),
				'title' => get_the_title( $kabar_block_post ),
				'id'    => $kabar_block_post,
			),
		)
	)
);
