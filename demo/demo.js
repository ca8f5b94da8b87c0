/* global document */
/**
 * The demo's only script (the page's policy allows no inline script): the language buttons.
 * They set `<html lang>`, which every Kabar widget follows without being told.
 */
const buttons = [...document.querySelectorAll('.lang-switch button[data-lang]')];

function show(lang) {
  for (const button of buttons) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
}

for (const button of buttons) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
    show(button.dataset.lang);
  });
}
show(document.documentElement.lang);
