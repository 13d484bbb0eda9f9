/**
 * A yes/no question asked in the app's own dialog (ConfirmDialog.vue) instead of window.confirm:
 * `if (!(await confirm.ask({...}))) return;` reads like the native call, but the dialog speaks
 * Dutch and looks like the rest of the app.
 */
import { ref } from 'vue';

export interface ConfirmQuestion {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
}

export function useConfirm() {
  const question = ref<ConfirmQuestion | null>(null);
  let settle: ((yes: boolean) => void) | null = null;

  /** Opens the dialog; resolves true on the confirm button, false on cancel or Escape. */
  function ask(q: ConfirmQuestion): Promise<boolean> {
    settle?.(false);
    question.value = q;
    return new Promise((resolve) => (settle = resolve));
  }

  function answer(yes: boolean): void {
    question.value = null;
    settle?.(yes);
    settle = null;
  }

  return { question, ask, answer };
}
