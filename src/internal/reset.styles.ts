import { css } from 'lit';

/**
 * What every Kabar shadow root starts with. Host pages set fonts, colours, box sizing and
 * margins globally; inside the shadow root only inherited properties reach us, and these
 * rules pin the ones that would change our layout.
 */
export const resetStyles = css`
  :host {
    display: block;
    color: var(--kabar-color-text, inherit);
    font-family: var(--kabar-font-family, inherit);
    font-size: var(--kabar-font-size, 1rem);
    /*
     * No container-type here: size containment would leave the host no width of its own, and in
     * a box sized from its content (a flex or grid item of auto size, a float, an inline-block,
     * a table cell, an absolutely positioned or fit-content box) it would shrink to nothing.
     * Layouts adapt to the widget's own width through percentages instead (see articleStyles).
     */
    /*
     * The template's white space between top-level elements is text of the host itself: a
     * page's white-space: pre would turn it into blank lines. Important, because a shadow
     * tree's !important beats the page's !important.
     */
    white-space: normal !important;
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * Inherited text properties are reset on the shadow tree's top-level elements rather than on
   * the host: a page rule such as * { line-height: 3 !important } matches the host itself and
   * would beat :host, but it cannot reach inside.
   */
  :host > * {
    font-size: inherit;
    line-height: var(--kabar-line-height, 1.5);
    text-align: start;
    text-indent: 0;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    font-style: normal;
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  :host,
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--kabar-color-focus, #1a73e8);
    outline-offset: 2px;
  }
`;
