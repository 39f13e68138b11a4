// The decision page's script: it mirrors the server's rule that revise and reject need a comment, so nobody meets a
// refusal after sending. Without it the server's own 400 still applies.
(function () {
  'use strict';
  var form = document.getElementById('decision-form'), comment = document.getElementById('comment'), error = document.getElementById('comment-error');
  if (!form) return;
  var text = JSON.parse(document.getElementById('decision-text').textContent);
  form.addEventListener('submit', function (event) {
    var decision = event.submitter ? event.submitter.value : '';
    var open = Array.prototype.filter.call(form.querySelectorAll('input[data-required]'), function (box) { return !box.checked; });
    var listError = document.getElementById('checklist-error');
    if ((decision === 'accept' || decision === 'approve') && open.length && listError) {
      event.preventDefault();
      listError.textContent = text.checklist;
      listError.hidden = false;
      open[0].focus();
      return;
    }
    if ((decision === 'revise' || decision === 'reject') && comment.value.trim() === '') {
      event.preventDefault();
      error.textContent = text.required;
      error.hidden = false;
      comment.setAttribute('aria-invalid', 'true');
      comment.focus();
    }
  });
  comment.addEventListener('input', function () {
    if (comment.value.trim() === '') return;
    error.hidden = true;
    error.textContent = '';
    comment.removeAttribute('aria-invalid');
  });
})();
