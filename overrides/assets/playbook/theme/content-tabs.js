/* Material for MkDocs 9.8.2, material/templates/partials/javascripts/content.html (MIT licence,
   Martin Donath), moved into a file by overrides/partials/javascripts/content.html: no page carries an
   inline script, so the sites' Content-Security-Policy allows none. The part the content.tabs.link feature adds. Unchanged. */
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}};
