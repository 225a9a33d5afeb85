/* Material for MkDocs 9.8.2, material/templates/partials/javascripts/content.html (MIT licence,
   Martin Donath), moved into a file by overrides/partials/javascripts/content.html: no page carries an
   inline script, so the sites' Content-Security-Policy allows none. Unchanged. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"));
