/* Material for MkDocs 9.8.2, material/templates/partials/javascripts/base.html (MIT licence,
   Martin Donath), moved into a file by overrides/partials/javascripts/base.html: no page carries an
   inline script, so the sites' Content-Security-Policy allows none. One change: the scope is the site's root, worked out from this file's own address (three folders below the root), where the template wrote the page's base_url. */
__md_scope=new URL("../../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
