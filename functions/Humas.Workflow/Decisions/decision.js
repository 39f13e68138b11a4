// The decision page's script: it mirrors the server's rule that revise and reject need a comment, so nobody meets a
// refusal after sending. Without it the server's own 400 still applies.
(function () {
  'use strict';
  var form = document.getElementById('decision-form'), comment = document.getElementById('comment'), error = document.getElementById('comment-error');
  if (!form) return;
  var text = JSON.parse(document.getElementById('decision-text').textContent);
  form.addEventListener('submit', function (event) {
    var decision = event.submitter ? event.submitter.value : '';
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
