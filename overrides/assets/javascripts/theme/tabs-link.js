/* Material 9.8.1's inline script from partials/javascripts/content.html, as a file: the site's
   security policy allows no inline script (hooks/csp.py). Unchanged
   (the first script, for the content.tabs.link feature).
   tests/test_csp.py fails when Material's script changes. */
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
