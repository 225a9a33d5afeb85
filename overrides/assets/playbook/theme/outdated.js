/* Material for MkDocs 9.8.2, material/templates/partials/javascripts/outdated.html (MIT licence,
   Martin Donath), moved into a file by overrides/partials/javascripts/outdated.html: no page carries an
   inline script, so the sites' Content-Security-Policy allows none. One change: the site's root comes from this file's own address (three folders below the root), where the template wrote the page's base_url. */
var el=document.querySelector("[data-md-component=outdated]"),base=new URL("../../../",document.currentScript.src),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1);
