/**
 * Registers TF.js's gradient functions (autodiff). `@tensorflow/tfjs-core` alone registers none;
 * import this module wherever a trainer uses `optimizer.minimize` or `tf.grad`. The registry is
 * global, so one import serves every copy of the library. Under plain Node the CLI needs
 * src/cli/node-hooks.mjs (a file and a folder of tfjs-core share the name `gradients`).
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
