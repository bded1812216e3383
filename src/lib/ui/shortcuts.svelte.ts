/** Whether the keyboard shortcuts panel is open: `?` anywhere, or the title bar's ? button. */
export const shortcuts = $state({ open: false });
