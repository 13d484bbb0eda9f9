/**
 * A native modal <dialog> driven by a store flag: opens with showModal() and focuses the given
 * element; when the flag goes off it closes, and focus returns to where it was before.
 */
import { nextTick, ref, watch, type Ref } from 'vue';

export function useModalDialog(isOpen: () => boolean, initialFocus: Ref<HTMLElement | null>) {
  const dialog = ref<HTMLDialogElement | null>(null);
  let returnFocus: HTMLElement | null = null;

  /** Puts focus back where it was when the dialog opened (once). */
  function restoreFocus(): void {
    returnFocus?.focus();
    returnFocus = null;
  }

  watch(isOpen, async (open) => {
    const el = dialog.value;
    if (!el) return;
    if (open && !el.open) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      el.showModal();
      await nextTick();
      initialFocus.value?.focus();
    } else if (!open && el.open) {
      el.close();
      restoreFocus();
    }
  });

  return { dialog, restoreFocus };
}
