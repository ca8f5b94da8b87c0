// The one line that types Kabar's elements in templates (`vue-tsc` with `strictTemplates`).
import type {} from 'kabar/vue';
import 'kabar/news-list.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
