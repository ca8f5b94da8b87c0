import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineOnce } from '../../src/internal/define-once.js';

describe('defineOnce()', () => {
  it('registers a tag once and ignores a second definition without throwing', () => {
    class A extends LitElement {}
    class B extends LitElement {}
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineOnce('kabar-define-test', A);
      expect(() => defineOnce('kabar-define-test', B)).not.to.throw();
      expect(customElements.get('kabar-define-test')).to.equal(A);
      // The same version defining again is a second copy of the same script: no warning.
      expect(warnings).to.have.length(0);
    } finally {
      console.warn = warn;
    }
  });

  it('warns once when another version already defined the tag', () => {
    class C extends LitElement {}
    customElements.define('kabar-define-other', class extends LitElement {});
    (globalThis as unknown as Record<symbol, Map<string, string>>)[Symbol.for('kabar.versions')]!.set(
      'kabar-define-other',
      '0.0.1',
    );
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      defineOnce('kabar-define-other', C);
      defineOnce('kabar-define-other', C);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('0.0.1');
    } finally {
      console.warn = warn;
    }
  });
});
