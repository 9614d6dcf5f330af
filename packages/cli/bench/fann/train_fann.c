/* Trains a FANN network full batch with FANN's Rprop (FANN_TRAIN_RPROP, iRprop−) until the MSE is at
 * most the target, and prints one JSON line: epochs, milliseconds per epoch, final MSE.
 * Usage: train_fann DATA HIDDEN TARGET_MSE MAX_EPOCHS SEED
 * Hidden neurons: sigmoid symmetric (tanh). Outputs as `rprop train` picks them from the targets' range:
 * sigmoid for [0, 1], sigmoid symmetric (tanh) for [-1, 1] (xor.data's ±1), else linear. The MSE printed
 * and compared with the target is the plain mean squared error, as `rprop train` reports it: FANN halves
 * the error of symmetric outputs before squaring, so its MSE there is a quarter of that and is scaled
 * back here. Compiled by bench-fann.mjs at bench time. */
#include <fann.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* The output activation `rprop train` gives targets in [lo, hi] (packages/cli/src/train/mlp.ts). */
static enum fann_activationfunc_enum output_activation(struct fann_train_data *data) {
  fann_type lo = data->output[0][0], hi = lo;
  for (unsigned int i = 0; i < data->num_data; i++)
    for (unsigned int j = 0; j < data->num_output; j++) {
      fann_type v = data->output[i][j];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (lo >= 0 && hi <= 1) return FANN_SIGMOID;
  if (lo >= -1 && hi <= 1) return FANN_SIGMOID_SYMMETRIC;
  return FANN_LINEAR;
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: %s DATA HIDDEN TARGET_MSE MAX_EPOCHS SEED\n", argv[0]);
    return 2;
  }
  struct fann_train_data *data = fann_read_train_from_file(argv[1]);
  if (data == NULL) return 2;
  unsigned int hidden = (unsigned int)atoi(argv[2]);
  float target = (float)atof(argv[3]);
  unsigned int max_epochs = (unsigned int)atoi(argv[4]);
  struct fann *ann = fann_create_standard(3, fann_num_input_train_data(data), hidden, fann_num_output_train_data(data));
  /* After fann_create_*, which seeds rand() from the clock: the seed given here then decides the weights. */
  srand((unsigned int)atoi(argv[5]));
  fann_set_activation_function_hidden(ann, FANN_SIGMOID_SYMMETRIC);
  enum fann_activationfunc_enum output = output_activation(data);
  fann_set_activation_function_output(ann, output);
  /* FANN's MSE of symmetric outputs is of the halved error: ×4 is the plain MSE. */
  float plain = output == FANN_SIGMOID_SYMMETRIC ? 4.0f : 1.0f;
  fann_set_training_algorithm(ann, FANN_TRAIN_RPROP);
  fann_randomize_weights(ann, -0.1f, 0.1f);
  unsigned int epochs = 0;
  float mse = 1.0f;
  double start = now_ms();
  while (epochs < max_epochs) {
    mse = plain * fann_train_epoch(ann, data); /* the MSE of the pass before this epoch's update */
    if (mse <= target) break;
    epochs++;
  }
  double elapsed = now_ms() - start;
  unsigned int steps = epochs < max_epochs ? epochs + 1 : epochs;
  printf("{\"epochs\":%u,\"reachedTarget\":%s,\"msPerEpoch\":%.6f,\"mse\":%.6g}\n", epochs, mse <= target ? "true" : "false",
         elapsed / (steps ? steps : 1), mse);
  fann_destroy(ann);
  fann_destroy_train(data);
  return 0;
}
