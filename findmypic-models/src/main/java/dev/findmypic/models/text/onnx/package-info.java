/**
 * Sentence embeddings with all-MiniLM-L6-v2 (or any BERT-style sentence-transformers model exported to ONNX) on
 * DJL's ONNX Runtime engine: {@link dev.findmypic.models.text.onnx.OnnxSentenceEmbedder}.
 *
 * <p>The pipeline is the sentence-transformers one: WordPiece tokenisation from the model's {@code tokenizer.json}
 * (truncated to 256 tokens, no padding), the encoder's {@code last_hidden_state}, mean pooling over the attention
 * mask, and L2 normalisation. Tokenisation, batching by length and pooling are plain functions beside the model
 * ({@code SentenceTokenizer}, {@code LengthBatches}; mean pooling is {@code nn.MeanPooling}), each tested on its own.
 */
package dev.findmypic.models.text.onnx;
