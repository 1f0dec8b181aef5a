// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-autofocus]');
  if (summary) {
    summary.focus();
  }
  // Deadlines are printed in UTC; where the browser knows the reader's zone, add the local time.
  document.querySelectorAll('.local-time[data-instant]').forEach(function (element) {
    var instant = new Date(element.getAttribute('data-instant'));
    if (!isNaN(instant)) {
      element.textContent = '(' + instant.toLocaleString(document.documentElement.lang,
        { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short' }) + ')';
    }
  });
});
