// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
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
