/**
 * The Kabar blocks in the editor: each block's options in the sidebar and a live preview
 * rendered by the server (ServerSideRender), so the blocks need no build step. The blocks'
 * titles, icons and attributes come from their block.json, which WordPress hands to the editor.
 */
/* global window */
( function ( wp ) {
	'use strict';

	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var blockEditor = wp.blockEditor;
	var components = wp.components;
	var ServerSideRender = wp.serverSideRender;

	/** Each block's options, in sidebar order: [attribute, label, control]. */
	var FIELDS = {
		'kabar/berita': [
			[ 'src', __( 'Feed address (empty: this site’s own feed)', 'kabar' ), 'text' ],
			[ 'limit', __( 'Most articles shown', 'kabar' ), 'number' ],
			[ 'layout', __( 'Layout', 'kabar' ), 'select' ],
			[ 'category', __( 'Only this category', 'kabar' ), 'text' ],
			[ 'heading', __( 'Heading', 'kabar' ), 'text' ],
			[ 'loading', __( 'Loading', 'kabar' ), 'select' ],
			[ 'images', __( 'Images', 'kabar' ), 'select' ],
		],
		'kabar/artikel': [
			[ 'url', __( 'Article address (empty: this post)', 'kabar' ), 'text' ],
			[ 'heading', __( 'Title, for an article on another site', 'kabar' ), 'text' ],
			[ 'layout', __( 'Layout', 'kabar' ), 'select' ],
			[ 'headingLevel', __( 'Heading level', 'kabar' ), 'select' ],
			[ 'loading', __( 'Loading', 'kabar' ), 'select' ],
		],
		'kabar/polling': [
			[ 'src', __( 'Poll address (empty: the one in Settings → Kabar)', 'kabar' ), 'text' ],
			[ 'loading', __( 'Loading', 'kabar' ), 'select' ],
		],
		'kabar/bagikan': [
			[ 'networks', __( 'Networks, separated by spaces', 'kabar' ), 'text' ],
			[ 'label', __( 'Label', 'kabar' ), 'text' ],
			[ 'layout', __( 'Layout', 'kabar' ), 'select' ],
			[ 'native', __( 'Device share button', 'kabar' ), 'select' ],
			[ 'utmSource', 'utm_source', 'text' ],
			[ 'utmMedium', 'utm_medium', 'text' ],
			[ 'utmCampaign', 'utm_campaign', 'text' ],
		],
		'kabar/komentar': [
			[ 'load', __( 'When comments load', 'kabar' ), 'select' ],
			[ 'heading', __( 'Heading', 'kabar' ), 'text' ],
		],
	};

	/** One sidebar control; an emptied control removes the attribute (the element's default). */
	function control( field, schema, attributes, setAttributes ) {
		var name = field[ 0 ];
		var value = attributes[ name ];
		function set( next ) {
			var update = {};
			update[ name ] = next === '' || next === undefined ? undefined : next;
			setAttributes( update );
		}
		if ( field[ 2 ] === 'select' ) {
			var options = [ { label: __( 'Default', 'kabar' ), value: '' } ].concat(
				( schema.enum || [] ).map( function ( option ) {
					return { label: String( option ), value: String( option ) };
				} )
			);
			return el( components.SelectControl, {
				key: name,
				label: field[ 1 ],
				value: value === undefined ? '' : String( value ),
				options: options,
				onChange: function ( next ) {
					set( schema.type === 'integer' && next !== '' ? parseInt( next, 10 ) : next );
				},
			} );
		}
		if ( field[ 2 ] === 'number' ) {
			return el( components.TextControl, {
				key: name,
				type: 'number',
				min: schema.minimum,
				max: schema.maximum,
				label: field[ 1 ],
				value: value === undefined ? '' : value,
				onChange: function ( next ) {
					var number = parseInt( next, 10 );
					set( isNaN( number ) ? undefined : number );
				},
			} );
		}
		return el( components.TextControl, {
			key: name,
			label: field[ 1 ],
			value: value === undefined ? '' : value,
			onChange: set,
		} );
	}

	Object.keys( FIELDS ).forEach( function ( name ) {
		wp.blocks.registerBlockType( name, {
			edit: function ( props ) {
				// The attribute schemas (enum, minimum, maximum) are block.json's, known once registered.
				var schemas = wp.blocks.getBlockType( name ).attributes;
				var controls = FIELDS[ name ].map( function ( field ) {
					return control( field, schemas[ field[ 0 ] ] || {}, props.attributes, props.setAttributes );
				} );
				return el(
					'div',
					blockEditor.useBlockProps(),
					el(
						blockEditor.InspectorControls,
						null,
						el( components.PanelBody, { title: __( 'Options', 'kabar' ) }, controls )
					),
					el( ServerSideRender, { block: name, attributes: props.attributes } )
				);
			},
			save: function () {
				return null;
			},
		} );
	} );
} )( window.wp );
