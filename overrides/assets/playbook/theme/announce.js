/* Material for MkDocs 9.8.2, material/templates/partials/javascripts/announce.html (MIT licence,
   Martin Donath), moved into a file by overrides/partials/javascripts/announce.html: no page carries an
   inline script, so the sites' Content-Security-Policy allows none. Unchanged. */
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)};
