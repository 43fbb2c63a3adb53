// Create/edit form: show the Docker options only when Docker is ticked, and add or remove editor rows.
// Without this script the Docker options are always shown and the server renders spare blank rows.
(function () {
    'use strict';
    const form = document.querySelector('[data-deployment-form]');
    if (!form) return;

    const toggle = form.querySelector('[data-docker-toggle]');
    const options = form.querySelector('[data-docker-options]');
    function syncDocker() {
        // Options with an error stay visible, so no error is ever hidden from view.
        options.hidden = !toggle.checked && !options.querySelector('.has-error');
        toggle.setAttribute('aria-expanded', String(!options.hidden));
    }
    if (toggle && options) {
        toggle.addEventListener('change', syncDocker);
        syncDocker();
    }

    form.addEventListener('click', function (e) {
        const add = e.target.closest('[data-add-row]');
        if (add) {
            const editor = add.closest('[data-rows-editor]');
            const row = editor.querySelector('template[data-row-template]').content.firstElementChild.cloneNode(true);
            editor.querySelector('[data-rows]').appendChild(row);
            row.querySelector('input').focus();
            return;
        }
        const remove = e.target.closest('[data-remove-row]');
        if (remove) {
            const row = remove.closest('[data-row]');
            const rows = row.parentElement;
            if (rows.children.length > 1) {
                row.remove();
            } else {
                // Keep one row to type into; empty rows are ignored when saving.
                row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
                row.classList.remove('has-error');
                row.querySelectorAll('.row-error').forEach(function (p) { p.remove(); });
            }
        }
    });

    // After a refused save, bring the list of problems into view; its links jump to each field.
    const summary = document.querySelector('[data-error-summary]');
    if (summary) summary.focus();
})();
