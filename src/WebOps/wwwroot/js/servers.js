// Servers page: the Copy buttons put a join command on the clipboard.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const text = document.getElementById(button.dataset.copy)?.textContent ?? "";
  try {
    await navigator.clipboard.writeText(text.trim());
    button.textContent = "Copied";
  } catch {
    // No clipboard without HTTPS or permission: select the text so Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(button.dataset.copy));
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    button.textContent = "Press Ctrl+C";
  }
});
