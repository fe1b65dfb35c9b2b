// Ribbon commands, apart from the pane and registered by name (manifest FunctionName). Each one
// always calls event.completed(), also when it fails, or Excel keeps the button busy.
async function validateNow(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The pane does the work; the command only brings it forward.
    await Office.addin.showAsTaskpane();
  } catch {
    // Older hosts without the shared runtime: the button in the manifest opens the pane anyway.
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('validateNow', validateNow);
});

export { validateNow };
