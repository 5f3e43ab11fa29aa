// Ink turns off live rendering (no redraws, no resize, only the last frame) when it sees CI or
// CONTINUOUS_INTEGRATION in the environment, and reads them once, when it is first imported.
// The wizard runs only when stdin and stdout are terminals, so an operator is watching: clear
// them before Ink is loaded. Import this module before anything that imports Ink.
for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[key];
