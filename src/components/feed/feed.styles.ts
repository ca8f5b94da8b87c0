import { css } from 'lit';

export const feedStyles = css`
  :host {
    display: contents;
  }
`;
