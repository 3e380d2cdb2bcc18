/* Material 9.8.1's inline script from partials/javascripts/base.html, as a file: the site's
   security policy allows no inline script (hooks/csp.py). The scope comes from the
   script tag's data-scope attribute, not from the template.
   tests/test_csp.py fails when Material's script changes. */
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
