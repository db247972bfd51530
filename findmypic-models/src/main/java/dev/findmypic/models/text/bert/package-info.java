/**
 * BERT sentence embeddings (all-MiniLM-L6-v2 and its kind) on DJL's PyTorch engine:
 * {@link dev.findmypic.models.text.bert.BertModel} and {@link dev.findmypic.models.text.bert.BertEmbedder} (mean
 * pooling, L2 normalisation).
 */
package dev.findmypic.models.text.bert;
