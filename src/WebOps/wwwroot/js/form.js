// Create/edit form: show the Docker options only when Docker is ticked, the LLM settings only for LLM apps,
// and add or remove editor rows. Without this script both are always shown and the server renders spare blank rows.
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

    // The LLM settings matter only for LLM apps; like the Docker options, a section with an error stays visible.
    const type = form.querySelector('[name="project_type"]');
    const llm = form.querySelector('[data-llm-section]');
    function syncLlm() {
        llm.hidden = type.value !== 'llm' && !llm.querySelector('.has-error');
    }
    if (type && llm) {
        type.addEventListener('change', syncLlm);
        syncLlm();
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
