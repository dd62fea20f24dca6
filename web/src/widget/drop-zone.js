// Files dropped on an element: `onFiles` gets them as an array; the element
// carries the class "over" while something is dragged over it.
export function acceptDrops(zone, onFiles) {
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const files = [...(e.dataTransfer ? e.dataTransfer.files : [])];
    if (files.length) onFiles(files);
  });
}
