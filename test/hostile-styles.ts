/** What a careless theme, a CSS reset and a Bootstrap-like framework do to every page. */
export const HOSTILE_CSS = `
  *, *::before, *::after { box-sizing: content-box; margin: 0; padding: 0; }
  html { font-size: 10px; }
  body { font: 22px/3 "Comic Sans MS", cursive !important; color: #333 !important; text-align: center !important;
         letter-spacing: 3px !important; word-spacing: 8px; text-transform: uppercase !important; text-indent: 40px;
         white-space: pre !important; }
  a, a:visited { color: #f0f !important; text-decoration: underline overline !important; font-weight: 900 !important; }
  img { max-width: 100%; height: auto !important; border: 6px solid lime !important; padding: 8px !important; }
  button { all: unset; background: yellow !important; border: 4px dashed red !important; }
  ul, ol { list-style: square outside !important; padding-left: 60px !important; margin: 30px !important; }
  li { float: left; width: 50px; }
  h1, h2, h3, h4, h5, h6 { font-size: 48px !important; margin: 40px 0 !important; color: navy !important; }
  p, div, section, article, figure, time, span { margin: 12px; padding: 12px; border: 1px dotted gray; }
  * { line-height: 3 !important; }
  [class] { background: pink; }
`;
