/* Material 9.8.1's inline script from partials/javascripts/content.html, as a file: the site's
   security policy allows no inline script (hooks/csp.py). Unchanged
   (the second script).
   tests/test_csp.py fails when Material's script changes. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
