// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-autofocus]');
  if (summary) {
    summary.focus();
  }
});
