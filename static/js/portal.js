// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // The navigation is a closed menu on a phone and always open on a wider screen.
  var menu = document.querySelector('[data-menu]');
  if (menu && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 48rem)');
    var follow = function () { menu.open = wide.matches; };
    follow();
    wide.addEventListener('change', follow);
  }
  var summary = document.querySelector('[data-autofocus]');
  if (summary) {
    summary.focus();
  }
  // Deadlines are printed in UTC; where the browser knows the reader's zone, add the local time.
  document.querySelectorAll('time.local-time[datetime]').forEach(function (element) {
    var instant = new Date(element.getAttribute('datetime'));
    if (!isNaN(instant)) {
      element.textContent = '(' + instant.toLocaleString(document.documentElement.lang,
        { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short' }) + ')';
    }
  });
});
