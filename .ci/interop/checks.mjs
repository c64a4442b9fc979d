// How every interop script reports: one line per check ("ok   ..." or "FAIL ..."), and an exit code that is 1
// when any check failed.
let failures = 0;

export function check(condition, description, detail) {
  if (condition) {
    console.log("ok   " + description);
  } else {
    fail(description + (detail === undefined ? "" : "\n     " + JSON.stringify(detail).slice(0, 1500)));
  }
}

export function fail(message) {
  failures++;
  console.error("FAIL " + message);
}

// The text of a tool result's first content block.
export const text = (r) => (r.content && r.content[0] && r.content[0].text) || "";

export const exitCode = () => (failures === 0 ? 0 : 1);
