/** An article written by someone who wants a clerk's workstation. */
export const HOSTILE_HTML = [
  '<h1>Kop één</h1><h2>Kop twee</h2><h3>Kop drie</h3><h4>Kop vier</h4>',
  '<p onclick="window.__pwned=1">Tekst <strong>vet</strong></p>',
  '<script>window.__pwned = 1</script>',
  '<img src="https://tracker.example/pixel.gif" onerror="window.__pwned=1">',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">klik</a>',
  '<a href="JaVaScRiPt:window.__pwned=1">klik2</a>',
  '<a href="https://www.turfbrug.nl/afspraak" target="_blank">afspraak</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<style>body{display:none}</style>',
  '<form action="https://evil.example"><input name="x"></form>',
  '<p style="background:url(https://tracker.example/x)">stijl</p>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<a href="mailto:kcc@turfbrug.nl">mail</a> <a href="tel:14012">bel</a>',
].join('');
