/* global customElements, location */
// Loaded by the strict-CSP test page: gives a card an article with HTML content to sanitize.
customElements.whenDefined('kabar-article-card').then(() => {
  document.getElementById('content-card').article = {
    id: 'isi',
    title: 'Berita dengan isi',
    link: 'https://example.go.id/berita/isi',
    summary: 'Ringkasan.',
    content:
      `<p>Isi <b>tebal</b> dan <a href="/peta">peta</a>.</p><img src="${location.origin}/test/fixtures/pixel.png" onerror="window.__pwned=1">` +
      '<script>window.__pwned=1</script><iframe src="javascript:window.__pwned=1"></iframe>',
    authors: [],
    categories: [],
    enclosures: [],
  };
});
