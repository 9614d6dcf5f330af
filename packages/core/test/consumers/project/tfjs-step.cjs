// rprop-tfjs from CommonJS, beside TF.js loaded by require(): a minimize step on the cpu backend, and
// the optimizer class registered in the same TF.js the caller holds.
const tf = require('@tensorflow/tfjs');
const { rprop, RpropOptimizer } = require('rprop-tfjs');

tf.setBackend('cpu').then(() => {
  const x = tf.variable(tf.tensor1d([3, -2]));
  rprop({ lr: 0.5 }).minimize(() => x.square().sum());
  const registered = tf.serialization.SerializationMap.getMap().classNameMap[RpropOptimizer.className]?.[0] === RpropOptimizer;
  console.log(JSON.stringify({ x: Array.from(x.dataSync()), registered }));
});
