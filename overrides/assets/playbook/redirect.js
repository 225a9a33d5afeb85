/* An old or short address's page sends the reader on, keeping any #anchor they had: the target
   is the page's canonical link (overrides/playbook/redirect.html). */
var to = document.querySelector('link[rel="canonical"]').getAttribute("href");
location.replace(to.indexOf("#") < 0 ? to + location.hash : to);
