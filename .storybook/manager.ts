import { addons } from 'storybook/manager-api';
import { create } from 'storybook/theming';

/** Kabar's name and mark in Storybook's sidebar, instead of Storybook's own logo. */
addons.setConfig({
  theme: create({
    base: 'light',
    brandTitle: 'Kabar',
    brandUrl: './',
    brandImage: 'brand/kabar-brand.svg',
    brandTarget: '_self',
    colorPrimary: '#0b6e4f',
    colorSecondary: '#0b6e4f',
  }),
});
